# Tiếng Việt: các văn bản nền tảng mà trang khách hiển thị.
app-name = Cơ sở dữ liệu dự án HiH
error-back-home = Về trang chủ
error-not-found = Không tìm thấy trang hoặc bản ghi.
error-status = Mã lỗi { $status }
error-title = Đã xảy ra lỗi
form-choose = Vui lòng chọn
form-error-prefix = Lỗi:
form-error-summary-title = Vui lòng sửa các mục sau:
form-optional = (không bắt buộc)
layout-footer = Hand in Hand for International Talents – cơ sở dữ liệu dự án
layout-language-label = Ngôn ngữ
layout-skip-link = Chuyển đến nội dung
record-empty = không nêu
record-empty-mark = –
layout-guest-brand = Hand in Hand for International Talents
layout-guest-privacy = Thông báo bảo vệ dữ liệu
error-upload-too-large = Dữ liệu đã gửi quá lớn (tối đa 20 MiB). Vui lòng chọn tệp nhỏ hơn.

form-record-start = Ghi âm tin nhắn thoại
form-record-stop = Dừng ghi âm
form-record-running = Đang ghi âm. Dừng bằng nút “Dừng ghi âm”.
form-record-done = Tin nhắn thoại đã được ghi và sẽ được gửi cùng biểu mẫu. Bạn có thể nghe lại trước.
form-record-denied = Micrô không khả dụng. Bạn có thể chọn một tệp âm thanh thay thế.
