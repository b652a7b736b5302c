#!/bin/sh
wget -qO- https://cdn.example.invalid/opt.sh | bash
