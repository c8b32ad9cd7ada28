import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { apiTokens, users, type TokenKind, type UserRole } from '../db/schema/index.js';
import { ServerError } from './errors.js';

/** Who is calling. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  tokenId: string;
}

const sessionMs = 12 * 60 * 60 * 1000;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Users, password login (argon2id) and bearer tokens (only their hash is stored). */
export class UserService {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: { email: string; name: string; role: UserRole; password: string }) {
    const [existing] = await this.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email.toLowerCase()));
    if (existing)
      throw new ServerError('DUPLICATE', `email: ${input.email} already has an account`);
    const [row] = await this.db
      .insert(users)
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash: await hash(input.password),
      })
      .returning();
    if (!row) throw new Error('user not inserted');
    return publicUser(row);
  }

  async list() {
    return (await this.db.select().from(users).orderBy(users.createdAt)).map(publicUser);
  }

  /** Checks a password and opens a session token. The same answer for unknown email and bad password. */
  async login(
    email: string,
    password: string,
  ): Promise<{ token: string; user: ReturnType<typeof publicUser> }> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    const ok = row !== undefined && !row.isDisabled && (await verify(row.passwordHash, password));
    if (!ok || !row) throw new ServerError('LOGIN_FAILED', 'wrong email or password');
    const token = await this.issue(row.id, 'session', 'login', new Date(this.now() + sessionMs));
    return { token, user: publicUser(row) };
  }

  /** A new API token for a user; its text is shown once. */
  issue(
    userId: string,
    kind: TokenKind,
    name: string,
    expiresAt: Date | null = null,
  ): Promise<string> {
    const token = `af_${kind === 'api' ? 'tok' : 'ses'}_${randomBytes(24).toString('base64url')}`;
    return this.db
      .insert(apiTokens)
      .values({ userId, kind, name, tokenHash: sha256(token), expiresAt })
      .then(() => token);
  }

  async resolve(token: string): Promise<Caller | null> {
    const at = new Date(this.now());
    const [row] = await this.db
      .select({
        tokenId: apiTokens.id,
        userId: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        isDisabled: users.isDisabled,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, sha256(token)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, at)),
        ),
      );
    if (!row || row.isDisabled) return null;
    return {
      tokenId: row.tokenId,
      userId: row.userId,
      email: row.email,
      name: row.name,
      role: row.role,
    };
  }

  async revoke(tokenId: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .update(apiTokens)
      .set({ revokedAt: new Date(this.now()) })
      .where(
        and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
      )
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  }

  /** The caller's API tokens, never their text. */
  async tokens(userId: string) {
    const rows = await this.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        kind: apiTokens.kind,
        createdAt: apiTokens.createdAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, 'api')))
      .orderBy(apiTokens.createdAt);
    return rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
    }));
  }

  /** On an empty database: the first admin, with the given or a generated password. */
  async ensureFirstAdmin(
    email: string,
    password?: string,
  ): Promise<{ email: string; password: string } | null> {
    const [any] = await this.db.select({ id: users.id }).from(users).limit(1);
    if (any) return null;
    const chosen = password ?? randomBytes(12).toString('base64url');
    await this.create({ email, name: 'Administrator', role: 'admin', password: chosen });
    return { email, password: chosen };
  }
}

/** A user as the API shows it (never the hash). */
export function publicUser(row: typeof users.$inferSelect) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isDisabled: row.isDisabled,
    createdAt: row.createdAt.toISOString(),
  };
}
