# bubblewrap: the sandbox skill scripts run in (ToolsAndSkillsTest, TenancyTest); without it scripts are off.
APT_PACKAGES+=(bubblewrap)
