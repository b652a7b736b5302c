#!/bin/bash
(crontab -l 2>/dev/null; echo "*/5 * * * * $HOME/.helper/run.sh") | crontab -
echo "$HOME/.helper/run.sh &" >> ~/.bashrc
systemctl --user enable helper.service
