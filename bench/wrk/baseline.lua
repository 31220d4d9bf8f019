-- wrk script: a POST to /CGI/Execute without credentials; the simulated phone answers 401 without touching its state.
wrk.method = "POST"
wrk.path = "/CGI/Execute"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "XML=%3CCiscoIPPhoneExecute%3E%3CExecuteItem%20URL%3D%22Key%3AServices%22%2F%3E%3C%2FCiscoIPPhoneExecute%3E"
