using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Resources.Models;

/// <summary>Get result of the models kind: openclaw.json and, when the posture has a local model, its endpoint.</summary>
public sealed record ModelsObservation(ConfigObservation Config, EndpointObservation? Endpoint);

/// <summary>Apply payload: pull a model through the Ollama API.</summary>
public sealed record OllamaPull(string BaseUrl, string Model) : Planning.ChangePayload;
