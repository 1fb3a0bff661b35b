import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const control = "mt-1 block w-full rounded-lg border px-2 py-1.5";

/** The message under a field the server refused, tied to it for screen readers. */
function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <span id={`${name}-error`} className="mt-1 block text-xs font-normal text-red-700">
      {error}
    </span>
  );
}

type FieldProps = { label: ReactNode; name: string; error?: string; className?: string };

const invalid = (name: string, error?: string) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${name}-error` : undefined,
});

export function TextField({
  label,
  name,
  error,
  className = "",
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "className">) {
  return (
    <label className={`text-sm font-medium ${className}`}>
      {label}
      <input
        name={name}
        {...input}
        {...invalid(name, error)}
        className={`${control} ${error ? "border-red-500" : "border-stone-300"}`}
      />
      <FieldError name={name} error={error} />
    </label>
  );
}

export function SelectField({
  label,
  name,
  error,
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
        {...invalid(name, error)}
        className={`${control} bg-white ${error ? "border-red-500" : "border-stone-300"}`}
      >
        {children}
      </select>
      <FieldError name={name} error={error} />
    </label>
  );
}
