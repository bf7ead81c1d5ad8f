import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/** The Maildir the test command's SMTP server (aiosmtpd) writes every message into. */
const maildir = process.env.E2E_MAILDIR ?? "target/e2e-mail";

function decodePart(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** The plain-text part of a raw message. */
export function plainText(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (/content-type:\s*text\/plain/i.test(headers)) return decodePart(headers, part.slice(split).trim());
  }
  return raw;
}

/** Every message delivered to `to` whose subject contains `subject`. */
export function messagesTo(to: string, subject: string, mailbox: string = maildir): string[] {
  const dir = join(mailbox, "new");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .filter((m) => new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi").test(m) && m.includes(subject));
}

/** Waits for exactly one such message to arrive over SMTP and returns the link it carries. */
export async function linkFromMail(to: string, subject: string, path: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = messagesTo(to, subject);
    if (found.length > 0) {
      const text = plainText(found[found.length - 1]);
      const match = new RegExp(`https?://\\S+${path.replace(/[/?]/g, "\\$&")}\\S+`).exec(text);
      if (!match) throw new Error(`no ${path} link in: ${text}`);
      return match[0];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail "${subject}" to ${to} arrived`);
}
