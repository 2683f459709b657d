/** Starts the Alert Logic simulator from the command line: `tsx sim/aims/main.ts [--port N]`. */
import { startAimsSimulator } from './server';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.SIM_AIMS_PORT ?? 4010);

startAimsSimulator({ port })
  .then((sim) => {
    console.log(
      `Alert Logic simulator (AIMS, endpoints, azcollect, collectors_status, ingest, iris) listening on ${sim.url}`,
    );
    const stop = () => void sim.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((err: unknown) => {
    console.error('Alert Logic simulator failed to start:', err);
    process.exit(1);
  });
