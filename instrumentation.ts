/** Runs once when the server starts: a bad configuration stops it here, naming the variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvError } = await import('./lib/env');
  try {
    env();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    // A console that cannot sign anyone in or reach Alert Logic should not pretend to be up.
    process.exit(1);
  }
}
