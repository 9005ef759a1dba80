import type { Random } from './random.js';

/** [Cyrillic, Latin] first names. */
const FEMALE: readonly (readonly [string, string])[] = [
  ['Анна', 'anna'],
  ['Мария', 'maria'],
  ['Елена', 'elena'],
  ['Ольга', 'olga'],
  ['Наталья', 'natalya'],
  ['Екатерина', 'ekaterina'],
  ['Татьяна', 'tatyana'],
  ['Ирина', 'irina'],
  ['Светлана', 'svetlana'],
  ['Юлия', 'yulia'],
  ['Дарья', 'darya'],
  ['Алина', 'alina'],
  ['Ксения', 'ksenia'],
  ['Полина', 'polina'],
  ['Виктория', 'viktoria'],
  ['Софья', 'sofya'],
];

const MALE: readonly (readonly [string, string])[] = [
  ['Александр', 'aleksandr'],
  ['Дмитрий', 'dmitry'],
  ['Сергей', 'sergey'],
  ['Андрей', 'andrey'],
  ['Алексей', 'aleksey'],
  ['Максим', 'maksim'],
  ['Иван', 'ivan'],
  ['Михаил', 'mikhail'],
  ['Артём', 'artem'],
  ['Николай', 'nikolay'],
  ['Павел', 'pavel'],
  ['Егор', 'egor'],
  ['Владимир', 'vladimir'],
  ['Кирилл', 'kirill'],
  ['Роман', 'roman'],
  ['Илья', 'ilya'],
];

/** Masculine surnames; the feminine form adds «а». */
const SURNAMES: readonly (readonly [string, string])[] = [
  ['Иванов', 'ivanov'],
  ['Смирнов', 'smirnov'],
  ['Кузнецов', 'kuznetsov'],
  ['Попов', 'popov'],
  ['Васильев', 'vasiliev'],
  ['Петров', 'petrov'],
  ['Соколов', 'sokolov'],
  ['Михайлов', 'mikhailov'],
  ['Новиков', 'novikov'],
  ['Фёдоров', 'fedorov'],
  ['Морозов', 'morozov'],
  ['Волков', 'volkov'],
  ['Алексеев', 'alekseev'],
  ['Лебедев', 'lebedev'],
  ['Семёнов', 'semenov'],
  ['Егоров', 'egorov'],
  ['Павлов', 'pavlov'],
  ['Козлов', 'kozlov'],
  ['Степанов', 'stepanov'],
  ['Николаев', 'nikolaev'],
  ['Орлов', 'orlov'],
  ['Андреев', 'andreev'],
  ['Макаров', 'makarov'],
  ['Никитин', 'nikitin'],
  ['Захаров', 'zakharov'],
];

const FEMALE_SHARE = 0.62;
const MISSING_BIRTH_YEAR = 0.08;

/**
 * The `name,email,phone` and `gender,birth_year` parts of a customers.csv line for a made-up person. E-mails are
 * on example.com and phones in the unassigned +7 000 range, so nothing can reach a real person.
 */
export function person(
  random: Random,
  serial: number,
): { contact: string; gender: string; birthYear: string } {
  const female = random.chance(FEMALE_SHARE);
  const [first, firstLatin] = random.pick(female ? FEMALE : MALE);
  const [surname, surnameLatin] = random.pick(SURNAMES);
  const name = `${first} ${surname}${female ? 'а' : ''}`;
  const email = `${firstLatin}.${surnameLatin.charAt(0)}${serial}@example.com`;
  const phone = `+7000${String(random.int(10_000_000)).padStart(7, '0')}`;
  const age = Math.round(Math.min(85, Math.max(18, random.normal(41, 13))));
  const birthYear = random.chance(MISSING_BIRTH_YEAR) ? '' : String(2024 - age);
  return { contact: `${name},${email},${phone}`, gender: female ? 'F' : 'M', birthYear };
}
