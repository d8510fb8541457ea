// Preloaded into each server bench:http measures (`node --import ./bench/cpu-probe.mjs …`):
// answers the parent's "cpu" message over the IPC channel with this process's cpuUsage(), so
// the bench can charge each run the server's own CPU time (user + system, µs).
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
// The IPC channel must not keep a server alive after it closes.
process.channel?.unref();
