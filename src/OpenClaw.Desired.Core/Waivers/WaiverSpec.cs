namespace OpenClaw.Desired.Waivers;

/// <summary>
/// One entry of posture.yaml's <c>waivers:</c> as written: what is accepted (<see cref="Match"/>: an OpenClaw
/// check id, a change id or a finding's fingerprint, optionally only under a <see cref="Path"/> glob), why, who
/// answers for it, and the last day it holds.
/// </summary>
public sealed record WaiverSpec(string Match, string Reason, string Owner, string Until, string? Path = null);
