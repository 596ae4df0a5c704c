# The security question against automated programs, and attempt limits.

question-sum = What is { $a } plus { $b }? Write the result in digits.
question-label = Security question
question-why = We have received many attempts in a row. To check that you are not an automated program, answer this question.
question-required = Answer the security question.
question-wrong = The answer to the security question is not correct. Answer the new question.
