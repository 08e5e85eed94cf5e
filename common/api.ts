export interface Page<T> {
  items: T[];
  total: number;
}
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
