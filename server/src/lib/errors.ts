import type { ErrorBody } from '@cds/shared';

/** An error a user can meet: a stable code, a Vietnamese message, the field it concerns. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly errors?: ErrorBody['errors'],
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, field: this.field, errors: this.errors };
  }
}

export const badRequest = (code: string, message: string, field?: string) => new AppError(400, code, message, field);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này trong đơn vị đã chọn.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (message = 'Không tìm thấy dữ liệu, hoặc dữ liệu nằm ngoài phạm vi của bạn.') =>
  new AppError(404, 'not_found', message);
export const conflict = (message = 'Bản ghi đã được người khác sửa trong lúc bạn đang sửa. Hãy tải lại và sửa lại.') =>
  new AppError(409, 'conflict', message);
export const unauthenticated = (message = 'Bạn cần đăng nhập.') => new AppError(401, 'unauthenticated', message);
