# plan.yaml: the tasks of the province's plan.
plan_unknown-unit = task `{ $task }`: `{ $key }: { $id }` is not a unit declared in site.yaml
