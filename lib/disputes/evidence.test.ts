import { describe, expect, it } from "vitest";

import { checkEvidenceFile, EvidenceRejected, MAX_EVIDENCE_BYTES } from "./evidence";

const pdf = Buffer.from("%PDF-1.7\n%%EOF\n");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe("checkEvidenceFile", () => {
  it("takes PDF, JPEG and PNG by their bytes, naming them by what they are", () => {
    expect(checkEvidenceFile(pdf, "receipt.pdf")).toMatchObject({
      contentType: "application/pdf",
      fileName: "receipt.pdf",
      sizeBytes: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(checkEvidenceFile(jpeg, "parcel photo.JPEG")).toMatchObject({
      contentType: "image/jpeg",
      fileName: "parcel photo.jpg",
    });
    // A PNG called .pdf is sent as the PNG it is; a path in the name is dropped.
    expect(checkEvidenceFile(png, "C:\\Users\\x\\label.pdf")).toMatchObject({
      contentType: "image/png",
      fileName: "label.png",
    });
  });

  it("refuses a fake PDF (text named .pdf), an executable, and an empty file", () => {
    expect(() => checkEvidenceFile(Buffer.from("just some text, honest"), "receipt.pdf")).toThrow(
      "This file is not a PDF, JPEG or PNG (its contents say otherwise).",
    );
    expect(() => checkEvidenceFile(Buffer.from("MZ\x90\x00"), "receipt.pdf")).toThrow(EvidenceRejected);
    expect(() => checkEvidenceFile(Buffer.alloc(0), "receipt.pdf")).toThrow("The file is empty.");
  });

  it("refuses a file over 5 MB, even a real PDF", () => {
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    expect(() => checkEvidenceFile(big, "big.pdf")).toThrow("Evidence files must be 5 MB or smaller.");
    expect(() =>
      checkEvidenceFile(Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES - pdf.length)]), "ok.pdf"),
    ).not.toThrow();
  });
});
