# The security question against automated programs, and attempt limits.

question-sum = What is { $a } plus { $b }? Write the result in digits.
question-label = Security question
question-why = We have received many attempts in a row. To check that you are not an automated program, answer this question.
question-required = Answer the security question.
question-wrong = The answer to the security question is not correct. Answer the new question.
# The SMS alternative to the question (WCAG 2.2 SC 3.3.8): no arithmetic needed.
challenge-sms-offer = Would you rather not answer the question? We can text a code to the mobile registered for this DNI/NIE.
challenge-sms-send = Text me a code
challenge-sms-sent = If the DNI/NIE is registered, we have texted a code to its mobile. Type it here instead of answering the question.
challenge-code-label = Code received by SMS
# Shown instead of "answer the question" where the browser solves the proof-of-work itself.
challenge-pow-retry = For your security, your browser has made an automatic check. Type your password or code again and send the form once more.
