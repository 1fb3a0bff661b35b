import { formatInr } from "@/lib/money";

export function Price({ paise, className }: { paise: number; className?: string }) {
  return <span className={className}>{formatInr(paise)}</span>;
}
