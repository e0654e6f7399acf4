// Alerts in the database, with every step of their lifecycle in the audit trail. Each
// transition is one transaction: the alert row and its audit entry change together.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type {
  Alert,
  AlertAuditEntry,
  AlertRuleId,
  AlertSeverity,
  AlertState,
} from '../../protocol/alerts.ts';

export class AlertTransitionError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

interface AlertRow {
  id: string;
  rule_id: AlertRuleId;
  scope: string;
  severity: AlertSeverity;
  state: AlertState;
  value: number | null;
  threshold: number | null;
  unit: string;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    scope: row.scope,
    severity: row.severity,
    state: row.state,
    value: row.value,
    threshold: row.threshold,
    unit: row.unit,
    raisedAt: row.raised_at.toISOString(),
    ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at.toISOString() } : {}),
    ...(row.acknowledged_by ? { acknowledgedBy: row.acknowledged_by } : {}),
    ...(row.resolved_at ? { resolvedAt: row.resolved_at.toISOString() } : {}),
    ...(row.resolved_by ? { resolvedBy: row.resolved_by } : {}),
  };
}

export interface RaiseRequest {
  ruleId: AlertRuleId;
  scope: string;
  severity: AlertSeverity;
  value: number | null;
  threshold: number | null;
  unit: string;
  atMs: number;
}

export const CONDITION_CLEARED = 'condition cleared';

export class AlertStore {
  constructor(private readonly pool: pg.Pool) {}

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Opens an alert; if one is already open for the rule and scope, returns that one. */
  async raise(request: RaiseRequest): Promise<{ alert: Alert; created: boolean }> {
    return this.transaction(async (client) => {
      const at = new Date(request.atMs).toISOString();
      const { rows } = await client.query<AlertRow>(
        `INSERT INTO alert (id, rule_id, scope, severity, state, value, threshold, unit, raised_at)
         VALUES ($1, $2, $3, $4, 'raised', $5, $6, $7, $8)
         ON CONFLICT (rule_id, scope) WHERE state <> 'resolved' DO NOTHING RETURNING *`,
        [
          randomUUID(),
          request.ruleId,
          request.scope,
          request.severity,
          request.value,
          request.threshold,
          request.unit,
          at,
        ],
      );
      if (rows[0]) {
        await this.audit(
          client,
          rows[0].id,
          at,
          'raised',
          'rules',
          `value ${request.value ?? 'n/a'} ${request.unit}`,
        );
        return { alert: toAlert(rows[0]), created: true };
      }
      const open = await client.query<AlertRow>(
        `SELECT * FROM alert WHERE rule_id = $1 AND scope = $2 AND state <> 'resolved'`,
        [request.ruleId, request.scope],
      );
      return { alert: toAlert(open.rows[0]!), created: false };
    });
  }

  async acknowledge(
    id: string,
    actor: string,
    note: string | undefined,
    atMs: number,
  ): Promise<Alert> {
    return this.transition(id, 'acknowledged', actor, note, atMs);
  }

  async resolve(id: string, actor: string, note: string | undefined, atMs: number): Promise<Alert> {
    return this.transition(id, 'resolved', actor, note, atMs);
  }

  private async transition(
    id: string,
    to: 'acknowledged' | 'resolved',
    actor: string,
    note: string | undefined,
    atMs: number,
  ): Promise<Alert> {
    return this.transaction(async (client) => {
      const at = new Date(atMs).toISOString();
      const current = await client.query<AlertRow>('SELECT * FROM alert WHERE id = $1 FOR UPDATE', [
        id,
      ]);
      const row = current.rows[0];
      if (!row) throw new AlertTransitionError(404, `no alert ${id}`);
      if (row.state === 'resolved')
        throw new AlertTransitionError(409, `alert ${id} is already resolved`);
      if (to === 'acknowledged' && row.state === 'acknowledged')
        throw new AlertTransitionError(
          409,
          `alert ${id} was already acknowledged by ${row.acknowledged_by}`,
        );
      const { rows } = await client.query<AlertRow>(
        to === 'acknowledged'
          ? `UPDATE alert SET state = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 RETURNING *`
          : `UPDATE alert SET state = 'resolved', resolved_at = $2, resolved_by = $3 WHERE id = $1 RETURNING *`,
        [id, at, actor],
      );
      await this.audit(client, id, at, to, actor, note);
      return toAlert(rows[0]!);
    });
  }

  private async audit(
    client: pg.PoolClient,
    id: string,
    at: string,
    action: AlertAuditEntry['action'],
    actor: string,
    note: string | undefined,
  ): Promise<void> {
    await client.query(
      'INSERT INTO alert_audit (alert_id, time, action, actor, note) VALUES ($1, $2, $3, $4, $5)',
      [id, at, action, actor, note ?? null],
    );
  }

  async open(): Promise<Alert[]> {
    const { rows } = await this.pool.query<AlertRow>(
      `SELECT * FROM alert WHERE state <> 'resolved' ORDER BY raised_at DESC`,
    );
    return rows.map(toAlert);
  }

  /** Alerts raised in [fromMs, toMs) or still open then, newest first. */
  async list(fromMs: number, toMs: number, limit = 500): Promise<Alert[]> {
    const { rows } = await this.pool.query<AlertRow>(
      `SELECT * FROM alert
       WHERE raised_at < $2 AND (resolved_at IS NULL OR resolved_at >= $1)
       ORDER BY raised_at DESC LIMIT $3`,
      [new Date(fromMs).toISOString(), new Date(toMs).toISOString(), limit],
    );
    return rows.map(toAlert);
  }

  async trail(id: string): Promise<AlertAuditEntry[]> {
    const { rows } = await this.pool.query<{
      time: Date;
      action: AlertAuditEntry['action'];
      actor: string;
      note: string | null;
    }>(
      'SELECT time, action, actor, note FROM alert_audit WHERE alert_id = $1 ORDER BY time, action',
      [id],
    );
    return rows.map((r) => ({
      time: r.time.toISOString(),
      action: r.action,
      actor: r.actor,
      ...(r.note ? { note: r.note } : {}),
    }));
  }
}
