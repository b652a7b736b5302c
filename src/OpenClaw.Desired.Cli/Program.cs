using System.Runtime.InteropServices;
using OpenClaw.Desired.Cli;

OpenClaw.Desired.Host.EmbeddedNativeLibraries.Register(typeof(CliApp).Assembly);

// SIGTERM/SIGINT ask the run to stop between steps (the change in progress completes, the lock is released);
// a second signal gets the default behaviour and ends the process at once.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
}

using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
return await CliApp.RunAsync(args, Console.Out, Console.Error, stop.Token);
