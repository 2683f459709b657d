/**
 * Starts the AWS simulator from the command line:
 * `tsx sim/aws/main.ts --port 4566 --aims-url http://127.0.0.1:4010 [--stack-duration-ms 15000]`
 * (env fallbacks SIM_AWS_PORT, SIM_AIMS_URL, SIM_STACK_DURATION_MS).
 */
import { DEFAULT_STACK_DURATION_MS } from './settings';
import { startAwsSimulator } from './server';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const port = Number(arg('--port') ?? process.env.SIM_AWS_PORT ?? 4566);
const aimsUrl = arg('--aims-url') ?? process.env.SIM_AIMS_URL ?? 'http://127.0.0.1:4010';
const stackDurationMs = Number(
  arg('--stack-duration-ms') ?? process.env.SIM_STACK_DURATION_MS ?? DEFAULT_STACK_DURATION_MS,
);

startAwsSimulator({ port, aimsUrl, stackDurationMs })
  .then((sim) => {
    console.log(`AWS simulator listening on ${sim.url}`);
    const stop = () => void sim.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((err: unknown) => {
    console.error('AWS simulator failed to start:', err);
    process.exit(1);
  });
