using System.Collections.Concurrent;
using System.Diagnostics;

namespace OpenClaw.Desired.Reconciliation;

/// <summary>
/// Runs work on a thread of its own, with its continuations brought back to that thread, so a probe that
/// reads files blocks only itself (never a thread-pool thread), and its timing starts when it starts, not
/// when a pool thread happens to be free.
/// </summary>
internal static class OwnThread
{
    /// <summary>
    /// Runs <paramref name="work"/> on a new thread; the result carries how long it took there: its wall time
    /// less the time the thread stood ready but without a CPU. Time blocked on its own I/O and subprocesses counts.
    /// </summary>
    public static Task<(T Result, TimeSpan Took)> RunAsync<T>(string name, Func<Task<T>> work)
    {
        var done = new TaskCompletionSource<(T, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var context = new PumpContext();
            SynchronizationContext.SetSynchronizationContext(context);
            var watch = Stopwatch.StartNew();
            var queuedBefore = RunQueueWait();
            try
            {
                var task = work();
                task.ContinueWith(_ => context.Complete(), TaskScheduler.Default);
                context.Pump();
                var queued = RunQueueWait() - queuedBefore;
                done.SetResult((task.GetAwaiter().GetResult(), watch.Elapsed - queued));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// How long this thread has waited, runnable, for a CPU (the kernel's schedstat): taken off a probe's
    /// wall time, so a kind is not charged for the other kinds running beside it on few cores. Zero where
    /// the kernel does not keep the figure.
    /// </summary>
    private static TimeSpan RunQueueWait()
    {
        try
        {
            var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return fields.Length >= 2 && long.TryParse(fields[1], System.Globalization.CultureInfo.InvariantCulture, out var nanoseconds)
                ? TimeSpan.FromTicks(nanoseconds / 100)
                : TimeSpan.Zero;
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Calls <paramref name="body"/> for every item on up to <paramref name="threads"/> threads of their own
    /// (the caller's included) and returns the results in the items' order. For blocking, file-bound work.
    /// </summary>
    public static TResult[] ForEach<TItem, TResult>(IReadOnlyList<TItem> items, int threads, Func<TItem, TResult> body)
    {
        var results = new TResult[items.Count];
        var next = -1;
        var errors = new ConcurrentQueue<Exception>();
        void Drain()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count && errors.IsEmpty)
            {
                try
                {
                    results[i] = body(items[i]);
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                }
            }
        }

        var helpers = Enumerable.Range(0, Math.Clamp(Math.Min(threads, items.Count) - 1, 0, 64))
            .Select(n => new Thread(Drain) { IsBackground = true, Name = $"worker {n + 1}" })
            .ToList();
        helpers.ForEach(t => t.Start());
        Drain();
        helpers.ForEach(t => t.Join());
        if (errors.TryDequeue(out var error))
        {
            // The first failure, as the body threw it (a cancellation stays a cancellation).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        return results;
    }

    /// <summary>A synchronization context that queues continuations for one thread to run, until the work completes.</summary>
    private sealed class PumpContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback, object?)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            // A continuation after the work completed (a fire-and-forget inside it) runs on the pool instead.
            if (!_queue.TryAdd((d, state)))
            {
                ThreadPool.QueueUserWorkItem(s => d(s), state);
            }
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Send is not supported on a probe's thread");

        public override SynchronizationContext CreateCopy() => this;

        public void Complete() => _queue.CompleteAdding();

        public void Pump()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }
    }
}
