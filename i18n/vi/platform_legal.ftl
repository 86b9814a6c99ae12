# Tiếng Việt: các liên kết ở chân trang.
layout-footer-accessibility = Khả năng tiếp cận
layout-footer-imprint = Thông tin pháp lý
layout-footer-legal = Nguồn dữ liệu và giấy phép
layout-footer-nav-label = Pháp lý
layout-footer-privacy = Quyền riêng tư
