using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenClaw.Desired.Bench.Secrets;
using OpenClaw.Desired.Secrets.Scanning;
using OpenClaw.Desired.Tests.Secrets.Corpus;

// Throughput of the secrets scanner, in memory and over files (read, decode, scan, structured reading),
// then precision and recall on the labelled corpus. Target: at least 100 MB/s.
var megabytes = args.FirstOrDefault(a => !a.StartsWith('-')) is { } size ? int.Parse(size, CultureInfo.InvariantCulture) : 64;
const int Rounds = 7;

Console.WriteLine($"building a {megabytes} MB workload …");
var text = Workload.Build(megabytes);
var bytes = Encoding.UTF8.GetByteCount(text);
Console.WriteLine($"{bytes / 1e6:0.0} MB, {text.Count(c => c == '\n')} lines; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

SecretScanner.Scan(text.AsSpan(0, 1024 * 1024));
var memory = new List<(double Wall, double Cpu)>();
var found = 0;
for (var round = 0; round < Rounds; round++)
{
    var (wall, cpu) = Measure(() => found = SecretScanner.Scan(text).Count);
    memory.Add((bytes / 1e6 / wall, bytes / 1e6 / cpu));
}

Report("in memory", memory, $"{found} findings");

// Files the way a host scan meets them: a workspace of Markdown notes and session logs.
var folder = Directory.CreateTempSubdirectory("ocd-bench-").FullName;
try
{
    var lines = text.Split('\n');
    var perFile = lines.Length / 64;
    for (var i = 0; i < 64; i++)
    {
        var name = i % 2 == 0 ? $"memory-{i:D2}.md" : $"session-{i:D2}.jsonl";
        File.WriteAllText(Path.Combine(folder, name), string.Join('\n', lines.Skip(i * perFile).Take(perFile)));
    }

    var files = Directory.GetFiles(folder);
    var fileBytes = files.Sum(f => new FileInfo(f).Length);
    var onDisk = new List<(double Wall, double Cpu)>();
    var fs = new OpenClaw.Desired.Host.Fs.HostFs(new OpenClaw.Desired.Host.HostRoot("/"));
    for (var round = 0; round < Rounds; round++)
    {
        var (wall, cpu) = Measure(() => found = files.Sum(f => FileSecretScanner.ScanFile(fs, f, v => v.Length.ToString(CultureInfo.InvariantCulture)).File!.Findings.Count));
        onDisk.Add((fileBytes / 1e6 / wall, fileBytes / 1e6 / cpu));
    }

    Report("files", onDisk, $"{files.Length} files, {found} findings, page cache warm");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

var samples = LabelledCorpus.Build();
var scores = CorpusScore.Run(samples);
Console.WriteLine($"\ncorpus: {samples.Count} samples, {samples.Count(s => s.Value is not null)} with a credential\n");
Console.Write(CorpusScore.Table(scores));

static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

// Wall time and this process's CPU time: on a shared machine the first drifts with the load, the second
// is what the scan itself costs.
static (double Wall, double Cpu) Measure(Action action)
{
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    watch.Stop();
    process.Refresh();
    return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
}

static void Report(string what, List<(double Wall, double Cpu)> rounds, string detail) =>
    Console.WriteLine($"{what,-10}: {Median(rounds.Select(r => r.Cpu)):0} MB per CPU-second (median); wall clock median {Median(rounds.Select(r => r.Wall)):0} MB/s, best {rounds.Max(r => r.Wall):0} MB/s; {rounds.Count} rounds, {detail}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
