// popup
