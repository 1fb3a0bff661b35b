import { createHash } from "node:crypto";

/** Our limit; Cashfree takes up to 20 MB, but a receipt or a photo of a parcel needs far less. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** Cashfree's document types for evidence (PGUploadDisputesDocuments_request, doc_type). */
export const EVIDENCE_DOCUMENT_TYPES = [
  "Delivery/Service Proof",
  "Shipping Proof",
  "Statement of Service",
  "Proof of Service Used",
  "Cancellation of Service Proof",
  "Refund Proof",
  "Business model explanation",
  "Extra Charges Declaration",
  "Terms & Conditions",
  "Customer Withdrawal Letter",
  "Certificate of Authenticity",
  "Reseller Agreement",
] as const;

const KINDS = [
  { contentType: "application/pdf", extension: "pdf", magic: Buffer.from("%PDF-") },
  { contentType: "image/jpeg", extension: "jpg", magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { contentType: "image/png", extension: "png", magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

export class EvidenceRejected extends Error {}

/**
 * Checks an evidence file by its bytes, not its name or the browser's claimed type: PDF, JPEG or PNG, at most
 * 5 MB. Answers the file as we send it on: its real type, a name with the matching extension, its hash.
 */
export function checkEvidenceFile(bytes: Uint8Array, fileName: string) {
  if (bytes.byteLength === 0) throw new EvidenceRejected("The file is empty.");
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw new EvidenceRejected("Evidence files must be 5 MB or smaller.");
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = KINDS.find((k) => data.subarray(0, k.magic.length).equals(k.magic));
  if (!kind) throw new EvidenceRejected("This file is not a PDF, JPEG or PNG (its contents say otherwise).");
  const base =
    fileName
      .split(/[\\/]/)
      .pop()!
      .replace(/\.[^.]*$/, "")
      .replace(/[^\w .()-]/g, "_")
      .slice(0, 80)
      .trim() || "evidence";
  return {
    contentType: kind.contentType,
    fileName: `${base}.${kind.extension}`,
    sha256: createHash("sha256").update(data).digest("hex"),
    sizeBytes: bytes.byteLength,
  };
}
