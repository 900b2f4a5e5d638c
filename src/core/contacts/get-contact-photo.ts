import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { findContact, photoBytesOf } from './contact.queries';

/** The stored photo of one of the actor's live contacts (bytes and type), or the external URL it points to. */
export async function getContactPhoto(
  ctx: Ctx,
  contactId: string,
): Promise<{ kind: 'bytes'; mime: string; data: Buffer } | { kind: 'url'; url: string }> {
  const ownerId = requireActor(ctx);
  if (!(await findContact(ctx.db, ownerId, contactId))) throw notFound('contact');
  const photo = await photoBytesOf(ctx.db, ownerId, contactId);
  if (photo?.data)
    return { kind: 'bytes', mime: photo.mime ?? 'application/octet-stream', data: Buffer.from(photo.data) };
  if (photo?.url) return { kind: 'url', url: photo.url };
  throw notFound('photo');
}
