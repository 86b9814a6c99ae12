# Tiếng Việt: các văn bản của trang tự đăng ký (khách) và e-mail mời.
applicants-error-age = Tuổi khi nhập cảnh (hoặc hôm nay, nếu chưa có ngày nhập cảnh) phải từ 16 đến 70.
applicants-error-birth-date = Vui lòng nhập ngày sinh.
applicants-error-experience = Vui lòng nhập số năm kinh nghiệm là số nguyên từ 0 đến 60.
applicants-error-last-name = Vui lòng nhập họ.
applicants-field-birth-date = Ngày sinh
applicants-field-certificate-date = Ngày cấp chứng chỉ
applicants-field-certificate-level = Trình độ chứng chỉ
applicants-field-email = E-mail
applicants-field-experience = Số năm kinh nghiệm
applicants-field-first-names = Tên (và tên đệm)
applicants-field-german-level = Trình độ tiếng Đức
applicants-field-last-name = Họ
applicants-field-nationality = Quốc tịch
applicants-field-occupation = Nghề nghiệp mong muốn
applicants-field-phone = Điện thoại
applicants-field-qualification = Trình độ chuyên môn
applicants-field-residence = Nơi cư trú
applicants-hint-birth-date = Tuổi khi nhập cảnh phải từ 16 đến 70.
applicants-hint-names = Tất cả các tên như trong hộ chiếu. Cho phép chữ cái của mọi hệ chữ viết (ví dụ Nguyễn, Conceição, प्रिया).
applicants-inv-mail-subject = Lời mời đăng ký chương trình "Hand in Hand for International Talents"
applicants-inv-mail-body = Xin chào,

    bạn được mời đăng ký tham gia chương trình "Hand in Hand for International Talents". Vui lòng mở đường liên kết này (có hiệu lực { $days } ngày, chỉ dùng được một lần):

    { $link }

    Trân trọng
    Phòng Công nghiệp và Thương mại Đức tại Việt Nam
applicants-level-a1 = A1
applicants-level-a2 = A2
applicants-level-b1 = B1
applicants-level-b2 = B2
applicants-level-c1 = C1
applicants-level-c2 = C2
applicants-reg-back = Quay lại
applicants-reg-consent-accept = Tôi đã đọc bản tuyên bố và tôi đồng ý.
applicants-reg-consent-text = Tôi đồng ý để Phòng Thương mại Đức ở nước ngoài và các phòng công nghiệp và thương mại tham gia chương trình "Hand in Hand for International Talents" lưu trữ và xử lý dữ liệu tôi nhập tại đây nhằm hỗ trợ tôi tìm việc làm tại Đức. Dữ liệu chỉ được sử dụng cho chương trình này và sẽ bị xóa khi chương trình kết thúc. Tôi có thể rút lại sự đồng ý bất cứ lúc nào, có hiệu lực cho tương lai.
applicants-reg-consent-title = Đồng ý xử lý dữ liệu
applicants-reg-error-consent = Vui lòng xác nhận sự đồng ý của bạn để tiếp tục.
applicants-reg-gone-text = Đường liên kết này không (còn) sử dụng được. Nếu có câu hỏi, vui lòng liên hệ Phòng Thương mại Đức ở nước ngoài đã mời bạn.
applicants-reg-gone-title = Đăng ký
applicants-reg-intro = Chào mừng bạn! Với biểu mẫu này, bạn đăng ký tham gia chương trình "Hand in Hand for International Talents". Biểu mẫu gồm ba bước: thông tin cá nhân, trình độ, ngôn ngữ. Sau đó bạn kiểm tra thông tin và gửi đi.
applicants-reg-next = Tiếp theo
applicants-reg-progress = Tiến độ
applicants-reg-review-intro = Vui lòng kiểm tra thông tin của bạn. Dùng "Quay lại" để thay đổi. Sau khi gửi, đường liên kết sẽ không dùng được nữa.
applicants-reg-step-languages = Khả năng ngôn ngữ
applicants-reg-step-of = Bước { $number } / { $total }
applicants-reg-step-person = Thông tin cá nhân
applicants-reg-step-qualification = Trình độ
applicants-reg-step-review = Kiểm tra và gửi
applicants-reg-submit = Gửi
applicants-reg-thanks-title = Cảm ơn bạn
applicants-reg-thanks-next = Phòng Thương mại Đức ở nước ngoài đã mời bạn sẽ liên hệ với bạn. Bạn có thể đóng cửa sổ này.
applicants-reg-submitted = Cảm ơn bạn! Đăng ký của bạn đã được gửi và sẽ được xem xét.
