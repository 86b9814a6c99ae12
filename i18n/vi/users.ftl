# Tiếng Việt: các văn bản người dùng mà trang khách hiển thị.
users-error-email = Vui lòng nhập địa chỉ e-mail hợp lệ, ví dụ ten@example.vn.
users-error-phone = Số điện thoại chỉ được chứa chữ số, khoảng trắng và + / - (ít nhất năm chữ số).
users-field-salutation = Danh xưng
users-hint-phone = Chỉ chữ số, khoảng trắng và + / -, ví dụ +84 24 3825 1420.
users-salutation-divers = Khác
users-salutation-frau = Bà
users-salutation-herr = Ông
users-salutation-keine = Không nêu
