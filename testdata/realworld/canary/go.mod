module example.com/canary

go 1.26
