# plan.yaml: the tasks of the province's plan.
plan_unknown-unit = task `{ $task }`: `{ $key }: { $id }` is not a unit declared in site.yaml
plan_no-plan_hint = the site has no plan: write plan.yaml (see README, "Plans and reports"), or remove `plan:`
plan_unknown-task_did-you-mean = did you mean `{ $id }`?
plan_unknown-task_hint = tasks of the plan: { $ids }
