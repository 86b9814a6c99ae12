# Tiếng Việt: các văn bản người dùng mà trang khách hiển thị.
users-error-email = Vui lòng nhập địa chỉ e-mail hợp lệ, ví dụ ten@example.vn.
users-error-phone = Số điện thoại chỉ được chứa chữ số, khoảng trắng và + / - (ít nhất năm chữ số).
users-field-salutation = Danh xưng
users-hint-phone = Chỉ chữ số, khoảng trắng và + / -, ví dụ +84 24 3825 1420.
users-salutation-divers = Khác
users-salutation-frau = Bà
users-salutation-herr = Ông
users-salutation-keine = Không nêu
users-pw-too-short = Mật khẩu quá ngắn: phải có ít nhất { $min } ký tự.
users-pw-mixed-case = Mật khẩu phải có cả chữ hoa và chữ thường.
users-pw-special = Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ ! ? - # %).
users-pw-digits = Mật khẩu phải có ít nhất { $count } chữ số.
users-pw-contains-name = Mật khẩu không được chứa tên người dùng hoặc địa chỉ e-mail của bạn.
users-pw-common = Mật khẩu này quá phổ biến và dễ đoán. Vui lòng chọn mật khẩu khác.
