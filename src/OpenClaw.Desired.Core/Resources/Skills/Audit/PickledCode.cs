using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// A pickle (a model's weights, a cached classifier, a <c>.joblib</c>, a PyTorch checkpoint's <c>data.pkl</c>) that names
/// a callable which runs code: Python's unpickler imports what the file's GLOBAL, INST and STACK_GLOBAL opcodes name and
/// calls it with the file's arguments, so <c>pickle.load</c> of a file that names <c>builtins.exec</c>, <c>os.system</c> or
/// <c>subprocess.Popen</c> runs whatever the author wrote into it. Weights and tables name classes
/// (<c>collections.OrderedDict</c>, <c>numpy.core.multiarray._reconstruct</c>), never these. The opcodes are walked as the
/// unpickler reads them (every string opcode, the memo, dotted names), in a file that opens as a pickle, a gzip or zlib
/// stream of one, or a zip whose <c>.pkl</c> entries are pickles. Only what the audit reads of a file is walked (its first
/// 4 MiB: a payload placed past that is not seen).
/// </summary>
public static class PickledCode
{
    public static readonly (string Id, AuditSeverity Severity, string Why) Rule =
        ("pickle-runs-code", AuditSeverity.Critical, "ships a pickle (a model or data file) that calls exec, eval, os.system or subprocess when it is loaded: whoever loads it runs the author's code");

    /// <summary>The most bytes a compressed pickle is inflated to, and the most opcodes walked: a bomb costs no more.</summary>
    private const int MaxInflated = 16 * 1024 * 1024;

    private const int MaxOpcodes = 2_000_000;

    /// <summary>Modules any of whose names runs code or reaches the system (a dotted name through one counts: <c>posixpath</c> then <c>os.system</c>).</summary>
    private static readonly HashSet<string> Modules = new(StringComparer.Ordinal)
    {
        "os", "posix", "nt", "subprocess", "pty", "commands", "socket", "ctypes", "runpy", "code", "codeop", "pdb", "timeit", "cProfile", "profile",
        "webbrowser", "importlib", "shutil", "sys", "multiprocessing", "marshal", "pickle", "_pickle", "dill", "asyncio",
    };

    /// <summary>Builtins that run or fetch code.</summary>
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "exec", "eval", "compile", "__import__", "execfile", "getattr", "breakpoint", "open", "input", "apply" };

    /// <summary>Files a protocol-0 pickle (plain text, no header) is kept in; any file that opens with a protocol header (0x80), a zip, gzip or zlib header is read.</summary>
    private static readonly string[] PickleExtensions = [".pkl", ".pickle", ".p", ".joblib", ".sav", ".pt", ".bin", ".ckpt", ".model", ".dat"];

    /// <summary>Whether the bytes hold a pickle (or a compressed or zipped one) that imports a callable that runs code.</summary>
    public static bool RunsCode(string file, byte[] content)
    {
        if (content.Length < 4)
        {
            return false;
        }

        // A zip (a PyTorch checkpoint): each entry named *.pkl.
        if (content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
        {
            return ZipEntries(content).Any(Walk);
        }

        // gzip (.pkl.gz) and zlib (joblib's compress=…) streams of a pickle.
        if (content[0] == 0x1f && content[1] == 0x8b)
        {
            return Inflate(() => new GZipStream(new MemoryStream(content), CompressionMode.Decompress)) is { } inflated && Walk(inflated);
        }

        if (content[0] == 0x78 && content[1] is 0x01 or 0x5e or 0x9c or 0xda)
        {
            return Inflate(() => new ZLibStream(new MemoryStream(content), CompressionMode.Decompress)) is { } inflated && Walk(inflated);
        }

        return (content[0] == 0x80 || PickleExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))) && Walk(content);
    }

    private static byte[]? Inflate(Func<Stream> open)
    {
        try
        {
            using var stream = open();
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0 && output.Length < MaxInflated)
            {
                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The data of a zip's entries whose names end in <c>.pkl</c>, stored or deflated (local headers read in turn).</summary>
    private static IEnumerable<byte[]> ZipEntries(byte[] zip)
    {
        var at = 0;
        for (var entries = 0; entries < 4096 && at + 30 <= zip.Length && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x04034b50; entries++)
        {
            var method = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 8));
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 18));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28));
            var dataAt = at + 30 + nameLength + extraLength;
            if (dataAt > zip.Length || (BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 6)) & 0x8) != 0)
            {
                // Sizes after the data (a streamed zip): read what is left as one entry.
                size = zip.Length - Math.Min(zip.Length, dataAt);
            }

            var name = Encoding.UTF8.GetString(zip, at + 30, Math.Min(nameLength, zip.Length - at - 30));
            var data = zip.AsSpan(Math.Min(dataAt, zip.Length), (int)Math.Min(size, zip.Length - Math.Min(dataAt, zip.Length)));
            if (name.EndsWith(".pkl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pickle", StringComparison.OrdinalIgnoreCase))
            {
                var copy = data.ToArray();
                var bytes = method == 8 ? Inflate(() => new DeflateStream(new MemoryStream(copy), CompressionMode.Decompress)) : method == 0 ? copy : null;
                if (bytes is not null)
                {
                    yield return bytes;
                }
            }

            at = dataAt + (int)size;
        }
    }

    /// <summary>
    /// Walks the opcodes from the first byte: a stack of what strings were pushed (other values as null) and the memo, so
    /// STACK_GLOBAL's module and name are known however they were pushed, memoised or fetched. An unknown opcode ends the
    /// walk (the file is no pickle, or its pickle ended).
    /// </summary>
    private static bool Walk(byte[] data)
    {
        var stack = new List<string?>();
        var marks = new Stack<int>();
        var memo = new Dictionary<long, string?>();
        var at = 0;
        string? Line()
        {
            var end = Array.IndexOf(data, (byte)'\n', at);
            if (end < 0 || end - at > 4096)
            {
                return null;
            }

            var line = Encoding.Latin1.GetString(data, at, end - at);
            at = end + 1;
            return line;
        }

        bool Take(long count, out int start)
        {
            start = at;
            if (count < 0 || count > data.Length - at)
            {
                return false;
            }

            at += (int)count;
            return true;
        }

        string? Top() => stack.Count > 0 ? stack[^1] : null;
        void Pop(int n) => stack.RemoveRange(Math.Max(0, stack.Count - n), Math.Min(n, stack.Count));

        for (var ops = 0; ops < MaxOpcodes && at < data.Length; ops++)
        {
            var op = data[at++];
            int start;
            switch (op)
            {
                case (byte)'c' or (byte)'i': // GLOBAL, INST: module and name on lines
                    if (Line() is not { } module || Line() is not { } name)
                    {
                        return false;
                    }

                    if (Dangerous(module, name))
                    {
                        return true;
                    }

                    if (op == 'i' && marks.Count > 0)
                    {
                        stack.RemoveRange(marks.Peek(), stack.Count - marks.Peek());
                        marks.Pop();
                    }

                    stack.Add(null);
                    break;
                case 0x93: // STACK_GLOBAL
                    var top = stack.Count >= 2 ? (stack[^2], stack[^1]) : (null, null);
                    if (top.Item1 is { } m && top.Item2 is { } n && Dangerous(m, n))
                    {
                        return true;
                    }

                    Pop(2);
                    stack.Add(null);
                    break;
                case (byte)'S' or (byte)'V': // STRING, UNICODE: a quoted or raw line
                    if (Line() is not { } text)
                    {
                        return false;
                    }

                    stack.Add(op == 'S' && text.Length >= 2 && text[0] is '\'' or '"' ? text[1..^1] : text);
                    break;
                case (byte)'U' or (byte)'C' or 0x8c: // SHORT_BINSTRING, SHORT_BINBYTES, SHORT_BINUNICODE
                    if (at >= data.Length || !Take(data[at++], out start))
                    {
                        return false;
                    }

                    stack.Add(op == 'C' ? null : Encoding.UTF8.GetString(data, start, at - start));
                    break;
                case (byte)'T' or (byte)'X' or (byte)'B': // BINSTRING, BINUNICODE, BINBYTES: 4-byte length
                    if (at + 4 > data.Length || !Take(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)) + 4L, out start))
                    {
                        return false;
                    }

                    stack.Add(op == 'B' ? null : Encoding.UTF8.GetString(data, start + 4, at - start - 4));
                    break;
                case 0x8d or 0x8e or 0x96: // BINUNICODE8, BINBYTES8, BYTEARRAY8: 8-byte length
                    if (at + 8 > data.Length || !Take((long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at)), long.MaxValue - 8) + 8, out start))
                    {
                        return false;
                    }

                    stack.Add(op == 0x8d ? Encoding.UTF8.GetString(data, start + 8, at - start - 8) : null);
                    break;
                case (byte)'p': // PUT: index on a line
                    if (Line() is not { } put)
                    {
                        return false;
                    }

                    memo[long.TryParse(put, out var p) ? p : -1] = Top();
                    break;
                case (byte)'q' or (byte)'r': // BINPUT, LONG_BINPUT
                    if (!Take(op == 'q' ? 1 : 4, out start))
                    {
                        return false;
                    }

                    memo[op == 'q' ? data[start] : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(start))] = Top();
                    break;
                case 0x94: // MEMOIZE
                    memo[memo.Count] = Top();
                    break;
                case (byte)'g': // GET
                    if (Line() is not { } get)
                    {
                        return false;
                    }

                    stack.Add(memo.GetValueOrDefault(long.TryParse(get, out var g) ? g : -1));
                    break;
                case (byte)'h' or (byte)'j': // BINGET, LONG_BINGET
                    if (!Take(op == 'h' ? 1 : 4, out start))
                    {
                        return false;
                    }

                    stack.Add(memo.GetValueOrDefault(op == 'h' ? data[start] : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(start))));
                    break;
                case (byte)'(': // MARK
                    marks.Push(stack.Count);
                    break;
                case (byte)'1' or (byte)'t' or (byte)'l' or (byte)'d' or (byte)'e' or (byte)'u' or (byte)'o' or 0x90 or 0x91: // ops that pop to the mark
                    if (marks.Count > 0)
                    {
                        var mark = Math.Min(marks.Pop(), stack.Count);
                        stack.RemoveRange(mark, stack.Count - mark);
                    }

                    if (op != '1' && op != 'e' && op != 'u' && op != 0x90)
                    {
                        stack.Add(null);
                    }

                    break;
                case (byte)'0': // POP
                    Pop(1);
                    break;
                case (byte)'2': // DUP
                    stack.Add(Top());
                    break;
                case (byte)'R' or (byte)'b' or 0x81 or 0x85: // REDUCE, BUILD, NEWOBJ, TUPLE1: two in, one out (near enough)
                    Pop(op == 0x85 ? 1 : 2);
                    stack.Add(null);
                    break;
                case 0x86 or 0x87 or 0x92: // TUPLE2, TUPLE3, NEWOBJ_EX
                    Pop(op == 0x86 ? 2 : 3);
                    stack.Add(null);
                    break;
                case (byte)'a' or (byte)'s' or (byte)'Q': // APPEND, SETITEM, BINPERSID
                    Pop(op == 's' ? 2 : 1);
                    break;
                case (byte)'N' or (byte)')' or (byte)']' or (byte)'}' or 0x88 or 0x89 or 0x8f or 0x97 or 0x98:
                    stack.Add(null);
                    break;
                case (byte)'I' or (byte)'L' or (byte)'F' or (byte)'P': // INT, LONG, FLOAT, PERSID: a line
                    if (Line() is null)
                    {
                        return false;
                    }

                    stack.Add(null);
                    break;
                case (byte)'K' or (byte)'M' or (byte)'J' or (byte)'G' or 0x82 or 0x83 or 0x84: // fixed-size numbers and extension codes
                    if (!Take(op switch { (byte)'K' or 0x82 => 1, (byte)'M' or 0x83 => 2, (byte)'J' or 0x84 => 4, _ => 8 }, out _))
                    {
                        return false;
                    }

                    stack.Add(null);
                    break;
                case 0x8a or 0x8b: // LONG1, LONG4
                    if (at + (op == 0x8a ? 1 : 4) > data.Length || !Take((op == 0x8a ? data[at] : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at))) + (op == 0x8a ? 1L : 4L), out _))
                    {
                        return false;
                    }

                    stack.Add(null);
                    break;
                case 0x80: // PROTO
                    if (!Take(1, out _))
                    {
                        return false;
                    }

                    break;
                case 0x95: // FRAME
                    if (!Take(8, out _))
                    {
                        return false;
                    }

                    break;
                case (byte)'.': // STOP: a stream may hold further pickles
                    stack.Clear();
                    marks.Clear();
                    break;
                default:
                    return false;
            }

            // A hostile stream of pushes keeps no more than a bounded stack.
            if (stack.Count > 1 << 16)
            {
                stack.RemoveRange(0, stack.Count - (1 << 15));
                marks.Clear();
            }
        }

        return false;
    }

    /// <summary>
    /// Whether module and name (a dotted name resolved through it: <c>posixpath</c> and <c>os.system</c>) reach a module that
    /// runs code or a builtin that does.
    /// </summary>
    private static bool Dangerous(string module, string name)
    {
        var path = (module.Trim() + "." + name.Trim()).Split('.');
        if (path.Length < 2)
        {
            return false;
        }

        if (path[0] is "builtins" or "__builtin__" && path.Length == 2)
        {
            return Builtins.Contains(path[1]);
        }

        // numpy's test helper that execs a string.
        return path[..^1].Any(Modules.Contains) || path[^1] is "runstring" or "system" or "popen" or "exec" or "eval";
    }
}
