/** Which uploads the server takes as attachments: the declared type, and bytes that start like it. */
import { ATTACHMENT_TYPES, type AttachmentType } from '../../domain/form-schema';

/** The media type of a Content-Type header, parameters dropped, when it is an attachment type. */
export function attachmentTypeOf(header: string | undefined): AttachmentType | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return (ATTACHMENT_TYPES as readonly string[]).includes(type) ? (type as AttachmentType) : null;
}

/**
 * Whether the bytes begin with the signature of their declared type, so what the officer later
 * opens as a JPEG or a PDF really is one (and never, say, HTML labelled image/png).
 */
export function bytesMatchType(type: AttachmentType, bytes: Uint8Array): boolean {
  const startsWith = (text: string, at = 0): boolean => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  switch (type) {
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png':
      return bytes[0] === 0x89 && startsWith('PNG\r\n\x1a\n', 1);
    case 'image/webp':
      return startsWith('RIFF') && startsWith('WEBP', 8);
    case 'application/pdf':
      return startsWith('%PDF-');
  }
}

/** File name extension for a download. */
export const EXTENSIONS: Readonly<Record<AttachmentType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
