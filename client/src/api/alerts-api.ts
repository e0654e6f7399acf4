// Acting on an alert: acknowledge (someone is on it) or resolve (by hand), each with the
// person's name until sign-in arrives. The server's refusal (already acknowledged, not
// found) comes back as the error's message, to be shown as it is.
import type { Alert } from '../../../protocol/alerts.ts';

export type AlertAction = 'acknowledge' | 'resolve';

export async function actOnAlert(
  id: string,
  action: AlertAction,
  actor: string,
  note?: string,
): Promise<Alert> {
  const response = await fetch(`/api/v1/alerts/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(note ? { actor, note } : { actor }),
  });
  const body = (await response.json().catch(() => ({}))) as Alert & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return body;
}
