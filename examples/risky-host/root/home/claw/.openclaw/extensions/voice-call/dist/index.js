export default function register(api) { api.registerTool({ name: "voice_call" }); }
