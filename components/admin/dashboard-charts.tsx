"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// Charts only: the numbers behind each chart are rendered as tables by the server page, for screen readers and export.
const rupees = (paise: number) => `₹${(paise / 100).toLocaleString("en-IN", { maximumFractionDigits: 0 })}`;
const COLORS = ["#b4541f", "#2f6f4f", "#3a57b5", "#a3324a", "#7a6a1f", "#5b6778", "#0e7490"];

export function RevenueChart({ days }: { days: { day: string; revenuePaise: number }[] }) {
  if (days.length === 0) return <p className="text-sm text-stone-600">No paid orders in this period.</p>;
  return (
    <div className="h-64 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={12} />
          <YAxis tickFormatter={rupees} fontSize={12} width={72} />
          <Tooltip
            formatter={(value) => rupees(Number(value))}
            labelFormatter={(day) => String(day)}
            cursor={{ fill: "#f5f5f4" }}
          />
          <Bar
            dataKey="revenuePaise"
            name="Revenue"
            fill="#b4541f"
            radius={[4, 4, 0, 0]}
            maxBarSize={48}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ShareChart({ slices }: { slices: { label: string; n: number }[] }) {
  if (slices.length === 0) return <p className="text-sm text-stone-600">Nothing in this period.</p>;
  return (
    <div className="h-56 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={slices}
            dataKey="n"
            nameKey="label"
            innerRadius="55%"
            outerRadius="85%"
            paddingAngle={2}
            isAnimationActive={false}
          >
            {slices.map((slice, index) => (
              <Cell key={slice.label} fill={COLORS[index % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip />
          <Legend verticalAlign="middle" align="right" layout="vertical" iconType="circle" />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
