# plan.yaml: các nhiệm vụ trong kế hoạch của tỉnh.
plan_unknown-unit = nhiệm vụ `{ $task }`: `{ $key }: { $id }` không phải là đơn vị đã khai báo trong site.yaml
