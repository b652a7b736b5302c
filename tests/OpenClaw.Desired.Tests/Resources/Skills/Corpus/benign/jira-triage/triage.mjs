const base = process.env.JIRA_BASE_URL; // e.g. https://example.atlassian.net
const auth = "Basic " + Buffer.from(`${process.env.JIRA_USER}:${process.env.JIRA_API_TOKEN}`).toString("base64");
const project = process.argv[2];
const apply = process.argv.includes("--apply");

const search = await fetch(`${base}/rest/api/3/search?jql=${encodeURIComponent(`project=${project} AND created >= -1d`)}`, {
  headers: { Authorization: auth, Accept: "application/json" },
});
const { issues } = await search.json();
for (const issue of issues) {
  const label = /crash|error|fail/i.test(issue.fields.summary) ? "bug" : "triage";
  console.log(`${issue.key}\t${label}\t${issue.fields.summary}`);
  if (apply) {
    await fetch(`${base}/rest/api/3/issue/${issue.key}`, {
      method: "PUT",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify({ update: { labels: [{ add: label }] } }),
    });
  }
}
