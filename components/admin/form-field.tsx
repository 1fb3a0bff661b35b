import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const control = "mt-1 block w-full rounded-lg border px-2 py-1.5";

/** The message under a field the server refused, tied to it for screen readers. */
function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span id={id} className="mt-1 block text-xs font-normal text-red-700">
      {error}
    </span>
  );
}

/** `errorId` names the message when a form repeats a field name (one per variant row); by default `<name>-error`. */
type FieldProps = { label: ReactNode; name: string; error?: string; errorId?: string; className?: string };

const invalid = (id: string, error?: string) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? id : undefined,
});

export function TextField({
  label,
  name,
  error,
  errorId = `${name}-error`,
  className = "",
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "className">) {
  return (
    <label className={`text-sm font-medium ${className}`}>
      {label}
      <input
        name={name}
        {...input}
        {...invalid(errorId, error)}
        className={`${control} ${error ? "border-red-500" : "border-stone-300"}`}
      />
      <FieldError id={errorId} error={error} />
    </label>
  );
}

export function SelectField({
  label,
  name,
  error,
  errorId = `${name}-error`,
  className = "",
  children,
  ...select
}: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "className">) {
  return (
    <label className={`text-sm font-medium ${className}`}>
      {label}
      <select
        name={name}
        {...select}
        {...invalid(errorId, error)}
        className={`${control} bg-white ${error ? "border-red-500" : "border-stone-300"}`}
      >
        {children}
      </select>
      <FieldError id={errorId} error={error} />
    </label>
  );
}
