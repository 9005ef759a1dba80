/** A product category of the demo retailer: list prices in roubles are log-uniform between min and max. */
export interface Category {
  name: string;
  popularity: number;
  minPrice: number;
  maxPrice: number;
  items: readonly string[];
  brands: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  {
    name: 'Одежда',
    popularity: 0.16,
    minPrice: 490,
    maxPrice: 9990,
    items: ['Футболка', 'Джемпер', 'Платье', 'Джинсы', 'Куртка', 'Рубашка', 'Юбка', 'Худи'],
    brands: ['Nordwind', 'Severa', 'Linnea', 'Ostrov'],
  },
  {
    name: 'Обувь',
    popularity: 0.08,
    minPrice: 990,
    maxPrice: 14990,
    items: ['Кроссовки', 'Ботинки', 'Туфли', 'Сандалии', 'Кеды', 'Сапоги'],
    brands: ['Stupa', 'Trakt', 'Velma'],
  },
  {
    name: 'Косметика',
    popularity: 0.14,
    minPrice: 149,
    maxPrice: 4990,
    items: ['Крем для лица', 'Шампунь', 'Помада', 'Тушь', 'Сыворотка', 'Гель для душа', 'Парфюм'],
    brands: ['Mirra', 'Lumi', 'Rosa Alba', 'Beliza'],
  },
  {
    name: 'Бытовая химия',
    popularity: 0.1,
    minPrice: 59,
    maxPrice: 1490,
    items: [
      'Средство для посуды',
      'Стиральный порошок',
      'Кондиционер для белья',
      'Чистящее средство',
      'Губки',
    ],
    brands: ['Chistota', 'Blesk', 'Aquamir'],
  },
  {
    name: 'Товары для дома',
    popularity: 0.12,
    minPrice: 99,
    maxPrice: 7990,
    items: ['Полотенце', 'Кружка', 'Сковорода', 'Плед', 'Подушка', 'Ваза', 'Контейнер'],
    brands: ['Domovik', 'Uyut', 'Kedrov', 'Hata'],
  },
  {
    name: 'Электроника',
    popularity: 0.06,
    minPrice: 490,
    maxPrice: 59990,
    items: [
      'Наушники',
      'Колонка',
      'Зарядное устройство',
      'Внешний аккумулятор',
      'Фитнес-браслет',
      'Электрочайник',
    ],
    brands: ['Volna', 'Impuls', 'Kvant'],
  },
  {
    name: 'Детские товары',
    popularity: 0.08,
    minPrice: 99,
    maxPrice: 9990,
    items: ['Конструктор', 'Кукла', 'Пазл', 'Комбинезон', 'Бутылочка', 'Машинка'],
    brands: ['Kroha', 'Zaichik', 'Teremok'],
  },
  {
    name: 'Спорт и отдых',
    popularity: 0.05,
    minPrice: 290,
    maxPrice: 24990,
    items: ['Коврик для йоги', 'Гантели', 'Мяч', 'Термос', 'Рюкзак', 'Велошлем'],
    brands: ['Ursa', 'Taiga', 'Sprint'],
  },
  {
    name: 'Продукты',
    popularity: 0.11,
    minPrice: 39,
    maxPrice: 1990,
    items: ['Кофе', 'Чай', 'Шоколад', 'Печенье', 'Орехи', 'Мёд', 'Паста'],
    brands: ['Fermer', 'Vkusno', 'Zlak', 'Pasika'],
  },
  {
    name: 'Книги и канцелярия',
    popularity: 0.04,
    minPrice: 49,
    maxPrice: 2490,
    items: ['Блокнот', 'Ручка', 'Книга', 'Ежедневник', 'Набор маркеров'],
    brands: ['Litera', 'Pero', 'Strochka'],
  },
  {
    name: 'Зоотовары',
    popularity: 0.04,
    minPrice: 69,
    maxPrice: 4990,
    items: ['Корм для кошек', 'Корм для собак', 'Лежанка', 'Игрушка для кошек', 'Наполнитель'],
    brands: ['Murka', 'Barbos', 'Lapka'],
  },
  {
    name: 'Аксессуары',
    popularity: 0.04,
    minPrice: 199,
    maxPrice: 12990,
    items: ['Сумка', 'Ремень', 'Шарф', 'Кошелёк', 'Солнцезащитные очки', 'Часы'],
    brands: ['Aurum', 'Kozha', 'Lisa'],
  },
];
