import "server-only";
// One definition of the business "today" for the whole product: lib/data/inbox/madrid-today.ts.
export { madridToday as todayInSpain } from "@/lib/data/inbox/madrid-today";
