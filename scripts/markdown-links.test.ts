// Every relative link in the repository's Markdown resolves: the file exists and, for `file.md#anchor`, so does
// the heading. A newcomer who clones the repository can follow every reference in README.md and docs/.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const markdownFiles = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.md"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file && !file.startsWith("node_modules/") && existsSync(file));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(file: string) {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!)));
}

/** The relative links of a Markdown file (code blocks and inline code left out), with their line numbers. */
function relativeLinks(file: string) {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, " "));
  const links: { target: string; line: number }[] = [];
  for (const match of text.replace(/`[^`\n]*`/g, (code) => " ".repeat(code.length)).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!;
    if (/^(https?:|mailto:)/.test(target)) continue;
    links.push({ target, line: text.slice(0, match.index).split("\n").length });
  }
  return links;
}

describe("links in the repository's Markdown", () => {
  it("finds the Markdown files", () => {
    expect(markdownFiles).toContain("README.md");
  });

  it.each(markdownFiles)("%s: every relative link resolves", (file) => {
    const broken: string[] = [];
    for (const { target, line } of relativeLinks(file)) {
      const [pathPart, anchor] = target.split("#") as [string, string | undefined];
      const resolved = pathPart ? path.join(path.dirname(file), decodeURI(pathPart)) : file;
      if (!existsSync(resolved)) broken.push(`${file}:${line} → ${target} (no such file)`);
      else if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor))
        broken.push(`${file}:${line} → ${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});
