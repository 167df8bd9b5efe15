app-title = Monitor Check
