export type DemoTable = 'sales' | 'customers' | 'products' | 'truth';

/** Columns of each generated file with their DuckDB types (used for the Parquet conversion). */
export const TABLE_COLUMNS: Record<DemoTable, readonly (readonly [string, string])[]> = {
  sales: [
    ['order_id', 'VARCHAR'],
    ['customer_id', 'VARCHAR'],
    ['date', 'TIMESTAMP'],
    ['sku', 'VARCHAR'],
    ['quantity', 'INTEGER'],
    ['price', 'DECIMAL(14,2)'],
    ['amount', 'DECIMAL(14,2)'],
    ['store', 'VARCHAR'],
    ['channel', 'VARCHAR'],
  ],
  customers: [
    ['customer_id', 'VARCHAR'],
    ['created_at', 'TIMESTAMP'],
    ['name', 'VARCHAR'],
    ['email', 'VARCHAR'],
    ['phone', 'VARCHAR'],
    ['region', 'VARCHAR'],
    ['gender', 'VARCHAR'],
    ['birth_year', 'INTEGER'],
  ],
  products: [
    ['sku', 'VARCHAR'],
    ['name', 'VARCHAR'],
    ['category', 'VARCHAR'],
    ['brand', 'VARCHAR'],
    ['price', 'DECIMAL(14,2)'],
  ],
  truth: [
    ['customer_id', 'VARCHAR'],
    ['first_purchase', 'TIMESTAMP'],
    ['lambda_per_week', 'DOUBLE'],
    ['p_dropout', 'DOUBLE'],
    ['dropout_date', 'DATE'],
    ['nu', 'DOUBLE'],
    ['alive_at_end', 'BOOLEAN'],
    ['orders', 'INTEGER'],
  ],
};

export const DEMO_TABLES: readonly DemoTable[] = ['sales', 'customers', 'products', 'truth'];

export function headerOf(table: DemoTable): string {
  return `${TABLE_COLUMNS[table].map(([name]) => name).join(',')}\n`;
}
