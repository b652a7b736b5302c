namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>A credential field a structured file holds in plaintext, found by its key rather than its shape.</summary>
internal sealed record StructuredField(string Value, SecretLocation Location, string? NameHint);

/// <summary>What a structured reading of a file found: plaintext credential fields, and values OpenClaw manages itself.</summary>
internal sealed record StructuredFields(IReadOnlyList<StructuredField> Fields, IReadOnlyList<string> Managed, IReadOnlyList<(string Pointer, string Value)> Strings)
{
    public static StructuredFields None { get; } = new([], [], []);
}
