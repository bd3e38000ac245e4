# plan.yaml: các nhiệm vụ trong kế hoạch của tỉnh.
plan_unknown-unit = nhiệm vụ `{ $task }`: `{ $key }: { $id }` không phải là đơn vị đã khai báo trong site.yaml
plan_no-plan_hint = trang chưa có kế hoạch: hãy viết tệp plan.yaml (xem README, mục "Plans and reports"), hoặc xóa dòng `plan:`
plan_unknown-task_did-you-mean = có phải ý bạn là `{ $id }`?
plan_unknown-task_hint = các nhiệm vụ trong kế hoạch: { $ids }
