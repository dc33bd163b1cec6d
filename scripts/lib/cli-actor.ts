import { userInfo } from 'node:os';

/** How a command-line change is named in the audit log: the operating-system user who ran it. */
export function auditActorLabel(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? 'unknown';
  }
  return `cli:${name}`;
}
