// Runs Azurite as a child that cannot outlive its parent: when the .NET process that started it
// exits or lets go (even by kill -9), our stdin pipe closes, and we ask Azurite to shut down the
// way Ctrl+C would, so --location data is flushed to disk before the process ends.
const stop = () => process.kill(process.pid, 'SIGTERM');
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
require(process.env.AZURITE_MAIN);
