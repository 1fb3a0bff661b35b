"use client";

import { useState, useTransition } from "react";

import { Thumbnail } from "@/components/product/thumbnail";
import {
  addProductImageAction,
  describeProductImageAction,
  moveProductImageAction,
  removeProductImageAction,
} from "@/lib/actions/admin/products";

import { TextField } from "./form-field";

interface GalleryImage {
  id: string;
  path: string;
  alt: string;
}

const UPLOAD_REFUSED = "The upload was refused: images must be 5 MB or smaller.";

const small = "rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-40";

/** The owner's photos of a product: describe, reorder (the first is the cover), remove, add. */
export function GalleryEditor({ productId, images }: { productId: string; images: GalleryImage[] }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = (
    action: () => Promise<
      { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> }
    >,
  ) =>
    start(async () => {
      const result = await action();
      setMessage(result.ok ? { ok: true, text: result.message } : { ok: false, text: result.error });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    });
  return (
    <div className="space-y-4">
      <ol aria-label="Photos" className="space-y-3">
        {images.map((image, index) => (
          <li key={image.id} className="flex items-start gap-3">
            <Thumbnail src={image.path} size={80} />
            <form
              aria-label={`Photo ${index + 1}`}
              className="flex flex-1 flex-wrap items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                const alt = String(new FormData(event.currentTarget).get("alt") ?? "");
                run(() => describeProductImageAction({ imageId: image.id, alt }));
              }}
            >
              <label className="flex-1 text-sm font-medium">
                Description {index === 0 && <span className="text-stone-500">(cover)</span>}
                <input
                  name="alt"
                  defaultValue={image.alt}
                  className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1"
                />
              </label>
              <button type="submit" disabled={pending} className={small}>
                Save
              </button>
              <button
                type="button"
                disabled={pending || index === 0}
                aria-label={`Move photo ${index + 1} earlier`}
                onClick={() => run(() => moveProductImageAction({ imageId: image.id, direction: -1 }))}
                className={small}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={pending || index === images.length - 1}
                aria-label={`Move photo ${index + 1} later`}
                onClick={() => run(() => moveProductImageAction({ imageId: image.id, direction: 1 }))}
                className={small}
              >
                ↓
              </button>
              <button
                type="button"
                disabled={pending}
                aria-label={`Remove photo ${index + 1}`}
                onClick={() => run(() => removeProductImageAction({ imageId: image.id }))}
                className={small}
              >
                Remove
              </button>
            </form>
          </li>
        ))}
      </ol>
      <form
        aria-label="Add a photo"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          data.set("productId", productId);
          run(async () => {
            try {
              const result = await addProductImageAction(data);
              if (result.ok) form.reset();
              return result;
            } catch {
              // The request itself was refused (a file far over the limit never reaches the action).
              return { ok: false, error: UPLOAD_REFUSED, fieldErrors: { photo: UPLOAD_REFUSED } };
            }
          });
        }}
      >
        <TextField
          label="New photo"
          name="photo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          error={errors.photo}
        />
        <TextField label="Its description" name="alt" error={errors.alt} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Uploading…" : "Add photo"}
        </button>
      </form>
      <p role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
