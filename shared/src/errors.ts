/** The body of every error the API returns; `message` is Vietnamese, `code` is stable for the UI. */
export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  errors?: { field: string; message: string }[];
}
